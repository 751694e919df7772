/** Units that can still be sold: on hand and not held by a reservation, over every location. */
export function availableUnits(levels: ReadonlyArray<{ onHand: number; reserved: number }>): number {
  return levels.reduce((sum, level) => sum + Math.max(0, level.onHand - level.reserved), 0);
}
