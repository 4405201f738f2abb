revision     '2b3c4d5e6f70'
downRevision '1a2b3c4d5e6f'
message      'create books'

change {
    createTable('books') {
        column('id', BIGINT) { primaryKey(); identity() }
        column('title', VARCHAR(300)) { notNull() }
        column('author_id', BIGINT) { notNull(); references('authors', 'id') }
        column('price', DECIMAL(10, 2)) { notNull(); defaultValue(0) }
        column('published', DATE)
        check('ck_books_price_positive', 'price >= 0')
    }
}
