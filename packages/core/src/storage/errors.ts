/** Whether a DynamoDB (or ElectroDB-wrapped) error is a failed condition: someone else won. */
export function isConditionalFailure(error: unknown): boolean {
  const cause = (error as { cause?: { name?: string } })?.cause;
  return (error as { name?: string })?.name === "ConditionalCheckFailedException" || cause?.name === "ConditionalCheckFailedException";
}
