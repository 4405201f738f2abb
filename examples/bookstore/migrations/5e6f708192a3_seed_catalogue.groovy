revision     '5e6f708192a3'
downRevision '4d5e6f708192'
message      'seed the catalogue'

// data: insert is not reversible by itself, so this revision spells out both directions
upgrade {
    insert('authors', [
        [id: 1, full_name: 'Ursula K. Le Guin', born: '1929-10-21'],
        [id: 2, full_name: 'Terry Pratchett', born: '1948-04-28'],
    ])
    insert('books', [
        [title: 'A Wizard of Earthsea', author_id: 1, price: 9.99, isbn: '978-0-553-38304-3'],
        [title: 'The Dispossessed', author_id: 1, price: 12.50, isbn: '978-0-06-051275-3'],
        [title: 'Guards! Guards!', author_id: 2, price: 8.75, isbn: '978-0-06-225237-8'],
    ])
    // identity columns were bypassed for authors: move the sequence past the seeded ids
    sql postgresql: "SELECT setval(pg_get_serial_sequence('authors', 'id'), 2)",
        h2: 'ALTER TABLE authors ALTER COLUMN id RESTART WITH 3'
}

downgrade {
    delete('books', where: [author_id: 1])
    delete('books', where: [author_id: 2])
    delete('authors', where: [id: 1])
    delete('authors', where: [id: 2])
}
