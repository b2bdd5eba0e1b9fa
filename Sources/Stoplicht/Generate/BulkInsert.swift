import SQLKit

/// Rows for one table, written many to a statement: a generated installation has millions
/// of statuses, and one INSERT a row would take hours. A statement is sent once it holds
/// `maximumBinds` values, under SQLite's and PostgreSQL's limits on parameters.
struct BulkInsert {
    let table: String
    let columns: [String]
    private var rows: [[any SQLExpression]] = []
    private(set) var written = 0
    static let maximumBinds = 30_000

    init(_ table: String, columns: [String]) {
        self.table = table
        self.columns = columns
    }

    mutating func append(_ values: [any Encodable & Sendable], on sql: any SQLDatabase) async throws {
        precondition(values.count == columns.count, "\(table): \(values.count) values for \(columns.count) columns")
        rows.append(values.map { SQLBind($0) })
        if (rows.count + 1) * columns.count > Self.maximumBinds { try await flush(on: sql) }
    }

    mutating func flush(on sql: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        var insert = sql.insert(into: table).columns(columns)
        for row in rows { insert = insert.values(row) }
        try await insert.run()
        written += rows.count
        rows.removeAll(keepingCapacity: true)
    }
}
