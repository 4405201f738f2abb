revision     '1a2b3c4d5e6f'
message      'create authors'

// change: the downgrade (dropTable authors) is derived automatically
change {
    createTable('authors') {
        column('id', BIGINT) { primaryKey(); identity() }
        column('name', VARCHAR(200)) { notNull() }
        column('born', DATE)
    }
}
