// Re-exports of the stays layer (filled as the layer is built).
export {};
