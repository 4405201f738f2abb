revision     '3c4d5e6f7081'
downRevision '2b3c4d5e6f70'
message      'books: isbn and a title index'

change {
    addColumn('books', 'isbn', VARCHAR(17))
    addUniqueConstraint('books', 'isbn')
    createIndex('ix_books_title', 'books', 'title')
}
