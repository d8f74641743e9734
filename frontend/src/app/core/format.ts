/** Progress (0–1, as the API sends it) as a whole percent. */
export const percent = (progress: number): number => Math.round(progress * 100);
