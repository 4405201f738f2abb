revision     '4d5e6f708192'
downRevision '3c4d5e6f7081'
message      'authors.name becomes full_name'

change {
    renameColumn('authors', 'name', 'full_name')
}
