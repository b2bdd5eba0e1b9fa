import Fluent
import FluentSQL
import Foundation

/// The names the start page orders and searches by, kept beside the names themselves and
/// folded for case and accents ("Súdwest-Fryslân" → "sudwest-fryslan"). The database then
/// orders, searches and counts a page of a shared installation's thousands of programmes;
/// nothing needs to read them all and fold their names for every visitor.
enum IndexName {
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "nl_NL"))
    }

    /// A search's words, folded: every one must occur in the programme's or its
    /// organisation's name.
    static func words(_ search: String) -> [String] {
        search.split(whereSeparator: \.isWhitespace).map { fold(String($0)) }
    }

    /// A LIKE pattern for `word` anywhere in a text, LIKE's own characters escaped with `\`
    /// (a search for "10%" finds "10%", not everything that starts with "10").
    static func anywhere(_ word: String) -> String {
        var escaped = ""
        for character in word {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }

    /// `table.index_name` holds `word` (see `anywhere`): the same SQL on SQLite and PostgreSQL.
    static func contains(_ table: String, _ word: String) -> DatabaseQuery.Filter {
        .sql(embed: "\(ident: table).\(ident: "index_name") LIKE \(bind: anywhere(word)) ESCAPE '\\'")
    }
}

/// A model the start page orders and searches by its folded name.
protocol IndexNamed: Model {
    var name: String { get }
    var indexName: String { get set }
}

extension Programme: IndexNamed {}
extension Organisation: IndexNamed {}

/// Keeps a model's index name with its name, whoever saves it (an import, `generate`, a
/// form, the API's renaming of an organisation).
struct IndexNameMiddleware<Named: IndexNamed>: AsyncModelMiddleware {
    func create(model: Named, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        model.indexName = IndexName.fold(model.name)
        try await next.create(model, on: db)
    }

    func update(model: Named, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        model.indexName = IndexName.fold(model.name)
        try await next.update(model, on: db)
    }
}

/// Adds the index names to the programmes and organisations there are.
struct AddIndexNames: AsyncMigration {
    static let tables = [Organisation.schema, Programme.schema]

    func prepare(on database: any Database) async throws {
        for table in Self.tables {
            try await database.schema(table).field("index_name", .string, .required, .sql(.default(""))).update()
        }
        try await database.transaction { db in
            let sql = try db.sqlDatabase()
            struct Row: Decodable {
                var id: UUID
                var name: String
            }
            for table in Self.tables {
                for row in try await sql.select().columns("id", "name").from(table).all(decoding: Row.self) {
                    try await sql.update(table).set("index_name", to: IndexName.fold(row.name)).where(
                        "id", .equal, row.id
                    ).run()
                }
            }
        }
    }

    func revert(on database: any Database) async throws {
        for table in Self.tables { try await database.schema(table).deleteField("index_name").update() }
    }
}
