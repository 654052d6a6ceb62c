/** Health checks of a batch's passengers (issue 5). */
export {};
