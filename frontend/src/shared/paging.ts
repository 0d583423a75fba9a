/** Rows per page for every public list (the server caps `first` anyway). */
export const PAGE_SIZE = 20
