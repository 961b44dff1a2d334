#!/usr/bin/env bash
# Regenerates the tray icons (committed): one 32x32 PNG and ICO per state, named
# <env>-<connection>[-halted]. The environment is the background (SIM teal, DEMO violet, LIVE red),
# the connection a corner dot (green / amber / grey-red), HALTED a white bar across. ImageMagick.
set -euo pipefail
cd "$(dirname "$0")"
declare -A env_color=([sim]='#0f766e' [demo]='#6d28d9' [live]='#b91c1c')
declare -A env_letter=([sim]='S' [demo]='D' [live]='L')
declare -A dot_color=([connected]='#22c55e' [degraded]='#f59e0b' [disconnected]='#6b7280')
for env in sim demo live; do
  for conn in connected degraded disconnected; do
    for halted in '' '-halted'; do
      name="${env}-${conn}${halted}"
      args=(-size 32x32 xc:none -fill "${env_color[$env]}" -draw 'roundrectangle 1,1 30,30 6,6'
        -fill white -font DejaVu-Sans-Bold -pointsize 20 -gravity center -annotate +0-1 "${env_letter[$env]}"
        -gravity northwest -fill "${dot_color[$conn]}" -stroke white -strokewidth 2 -draw 'circle 24,24 24,30')
      [ -n "$halted" ] && args+=(-stroke none -fill white -draw 'rectangle 3,13 18,19' -fill '#111827' -draw 'rectangle 4,14 17,18')
      convert "${args[@]}" -strip "PNG32:${name}.png"
      convert "${name}.png" "${name}.ico"
    done
  done
done
