revision     '6f708192a3b4'
downRevision '5e6f708192a3'
message      'books get a URL slug, computed in Groovy'

upgrade {
    addColumn('books', 'slug', VARCHAR(320))
    // a data migration in Groovy, on the migration's own connection and transaction
    execute { sql ->
        sql.rows('SELECT id, title FROM books').each { row ->
            String slug = row['title'].toString().toLowerCase().replaceAll(/[^a-z0-9]+/, '-').replaceAll(/^-|-$/, '')
            sql.executeUpdate('UPDATE books SET slug = ? WHERE id = ?', [slug, row['id']])
        }
    }
    createIndex('ix_books_slug', 'books', 'slug')
}

downgrade {
    dropIndex('ix_books_slug', 'books')
    dropColumn('books', 'slug')
}
