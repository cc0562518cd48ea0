// Re-exports of the stats layer (filled as the layer is built).
export {};
