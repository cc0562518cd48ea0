// Re-exports of the spread layer (filled as the layer is built).
export {};
