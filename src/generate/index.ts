// Re-exports of the generate layer (filled as the layer is built).
export {};
