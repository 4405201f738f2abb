revision     '708192a3b4c5'
downRevision '6f708192a3b4'
message      'orders and their lines'

upgrade {
    createTable('orders') {
        column('id', BIGINT) { primaryKey(); identity() }
        column('customer_email', VARCHAR(320)) { notNull() }
        column('placed_at', TIMESTAMP_TZ) { notNull(); defaultExpression('CURRENT_TIMESTAMP') }
        column('status', VARCHAR(20)) { notNull(); defaultValue('open') }
        check('ck_orders_status', "status IN ('open', 'paid', 'shipped', 'cancelled')")
    }
    createTable('order_lines') {
        column('order_id', BIGINT) { notNull() }
        column('book_id', BIGINT) { notNull() }
        column('quantity', INTEGER) { notNull(); defaultValue(1) }
        primaryKey('order_id', 'book_id')
    }
    addForeignKey('order_lines', 'order_id', references: 'orders', columns: ['id'], onDelete: CASCADE)
    addForeignKey('order_lines', 'book_id', references: 'books', columns: ['id'], onDelete: RESTRICT)
    createView('book_catalog', '''
        SELECT b.id, b.title, a.full_name AS author, b.price
        FROM books b JOIN authors a ON a.id = b.author_id''')
}

downgrade {
    dropView('book_catalog')
    dropTable('order_lines')
    dropTable('orders')
}
