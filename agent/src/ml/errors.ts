/**
 * The ML loader's errors. A refused model (ModelRejectedError) and a wrong feature vector
 * (ModelInputError) both name the field that differs, so the log and the UI can say what to fix.
 */
export class ModelRejectedError extends Error {
  override name = 'ModelRejectedError';
  constructor(
    readonly model: string,
    readonly field: string,
    detail: string,
  ) {
    super(`model ${model} refused (${field}): ${detail}`);
  }
}

export class ModelInputError extends Error {
  override name = 'ModelInputError';
  constructor(
    readonly model: string,
    readonly field: string,
    detail: string,
  ) {
    super(`model ${model} input refused (${field}): ${detail}`);
  }
}
