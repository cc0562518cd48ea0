// Re-exports of the effects layer (filled as the layer is built).
export {};
