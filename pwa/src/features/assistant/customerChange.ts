/** A customer changed on the server. A new object per event, so the same customer changing twice is seen twice. */
export interface CustomerChange {
  customerId: string;
}
