// Re-exports of the report layer (filled as the layer is built).
export {};
