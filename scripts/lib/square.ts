/** A square GeoJSON polygon of `size` degrees from its south-west corner (x = longitude, y = latitude): a grid's boundary in tests and runs. */
export const square = (x: number, y: number, size: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ],
});
