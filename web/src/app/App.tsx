/** The top-level component: placeholder until the screens land. */
export function App() {
  return <h1>PredictionTrader</h1>;
}
