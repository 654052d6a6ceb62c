/** A message tree with every text widened to string: the shape every language must fill. */
export type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };
