import Fluent
import Foundation
import SQLKit
import StoplichtCore
import Vapor

/// Imports a financial system's export of actuals into a programme, streaming: records are
/// read in chunks and written in batches to a staging table, so memory does not grow with
/// the file; then one set-based statement moves the lines not yet imported into
/// `actual_lines`, numbering identical lines within the file (ROW_NUMBER), mapping cost
/// centres to projects. Importing the same file again adds nothing; a line that cannot be
/// read or mapped is kept with the reason.
struct ActualsImporter {
    var database: any Database
    var batchSize = 1000

    struct Summary: Sendable, Equatable {
        var read = 0
        var added = 0
        var alreadyImported = 0
        /// Lines added without a project (unknown cost centre) or with a problem.
        var unmapped = 0
        var problems = 0
        /// The sum of the amounts added, in cents.
        var addedCents: Int64 = 0
    }

    /// Reads `path` into the programme; `saved` overrides the column reading (and is kept
    /// for the next import); `progress` is called every `progressEvery` records with the
    /// records and bytes read so far and the bytes in all.
    func run(
        path: String, source: String, programme: Programme, columns given: [ActualsColumn: String] = [:],
        progressEvery: Int = 100_000, progress: @escaping @Sendable (Int, Int, Int) -> Void = { _, _, _ in }
    ) async throws -> Summary {
        let programmeID = try programme.requireID()
        var saved = try await savedColumns(programmeID)
        for (column, header) in given { saved[column] = header }
        let layoutOf: @Sendable ([String]) throws -> ActualsLayout = { [saved] headers in
            do {
                return try ActualsLayout(headers: headers, saved: saved)
            } catch ActualsLayout.Failure.missing(let missing, let found) {
                throw InputError(Strings.actualsColumnsMissing(missing.map(\.rawValue), found: found))
            }
        }
        let importID = UUID()
        let batchSize = batchSize
        return try await database.transaction { db in
            let sql = try db.sqlDatabase()
            var records: any ActualsRecords
            do {
                records = try ActualsFile.open(path: path)
            } catch XLSXRecords.Failure.notAWorkbook(let why) {
                throw InputError(Strings.actualsNotAWorkbook(source, why), field: "bestand")
            } catch {
                throw InputError(Strings.actualsUnreadable(path), field: "bestand")
            }
            guard let headers = try Self.reading(source, { try records.next() }) else {
                throw InputError(Strings.actualsEmpty(source), field: "bestand")
            }
            let layout = try layoutOf(headers)
            for (column, header) in given {
                try await saveColumn(column, header: header, programmeID: programmeID, on: db)
            }
            var summary = Summary()
            var batch: [ActualsLine] = []
            batch.reserveCapacity(batchSize)
            while let record = try Self.reading(source, { try records.next() }) {
                batch.append(
                    ActualsLine(record: record, layout: layout, line: records.recordLine) { SHA256.hash(data: $0).hex })
                summary.read += 1
                if batch.count == batchSize {
                    try await stage(batch, importID: importID, on: sql)
                    batch.removeAll(keepingCapacity: true)
                }
                if summary.read % progressEvery == 0 { progress(summary.read, records.bytesRead, records.totalBytes) }
            }
            try await stage(batch, importID: importID, on: sql)
            try await move(importID: importID, programmeID: programmeID, source: source, on: sql, summary: &summary)
            try await sql.raw("DELETE FROM actual_staging WHERE import_id = \(bind: importID)").run()
            return summary
        }
    }

    /// A record from the file, its reading failures said in Dutch.
    static func reading(_ source: String, _ next: () throws -> [String]?) throws -> [String]? {
        do {
            return try next()
        } catch StreamingRecords.Failure.recordTooLong(let line) {
            throw InputError(Strings.actualsRecordTooLong(source, line: line), field: "bestand")
        } catch XLSXRecords.Failure.rowTooLong(let row) {
            throw InputError(Strings.actualsRecordTooLong(source, line: row), field: "bestand")
        } catch XLSXRecords.Failure.notAWorkbook(let why) {
            throw InputError(Strings.actualsNotAWorkbook(source, why), field: "bestand")
        }
    }

    private func stage(_ lines: [ActualsLine], importID: UUID, on sql: any SQLDatabase) async throws {
        guard !lines.isEmpty else { return }
        var query = sql.insert(into: "actual_staging")
            .columns(
                "import_id", "line_key", "source_line", "booked_on", "cost_centre", "ledger", "description",
                "amount_cents", "problem")
        for line in lines {
            query = query.values(
                SQLBind(importID), SQLBind(line.key), SQLBind(line.line), SQLBind(line.bookedOn),
                SQLBind(line.costCentre),
                SQLBind(line.ledger), SQLBind(line.description), SQLBind(line.amountCents), SQLBind(line.problem))
        }
        try await query.run()
    }

    /// The staged lines not yet in the programme, numbered per key in file order, with the
    /// project their cost centre maps to: counted, then inserted, in one transaction.
    private func move(
        importID: UUID, programmeID: UUID, source: String, on sql: any SQLDatabase, summary: inout Summary
    ) async throws {
        struct Totals: Decodable {
            var added: Int
            var unmapped: Int?
            var problems: Int?
            var cents: Int64?
        }
        let candidates: SQLQueryString = """
            FROM (SELECT s.*, ROW_NUMBER() OVER (PARTITION BY s.line_key ORDER BY s.source_line) AS occurrence
                  FROM actual_staging s WHERE s.import_id = \(bind: importID)) n
            LEFT JOIN cost_centre_mappings m ON m.programme_id = \(bind: programmeID) AND m.cost_centre = n.cost_centre
            WHERE NOT EXISTS (SELECT 1 FROM actual_lines a WHERE a.programme_id = \(bind: programmeID)
                              AND a.line_key = n.line_key AND a.occurrence = n.occurrence)
            """
        let totals = try await sql.raw(
            """
            SELECT COUNT(*) AS added,
                   SUM(CASE WHEN m.project_id IS NULL OR n.problem IS NOT NULL THEN 1 ELSE 0 END) AS unmapped,
                   SUM(CASE WHEN n.problem IS NOT NULL THEN 1 ELSE 0 END) AS problems,
                   CAST(SUM(n.amount_cents) AS BIGINT) AS cents
            \(candidates)
            """
        ).first(decoding: Totals.self)
        try await sql.raw(
            """
            INSERT INTO actual_lines (programme_id, line_key, occurrence, source, source_line, booked_on, cost_centre, ledger, description,
                                      amount_cents, problem, project_id)
            SELECT \(bind: programmeID), n.line_key, n.occurrence, \(bind: source), n.source_line, n.booked_on, n.cost_centre, n.ledger,
                   n.description, n.amount_cents, n.problem, m.project_id
            \(candidates)
            ORDER BY n.source_line
            """
        ).run()
        summary.added = totals?.added ?? 0
        summary.alreadyImported = summary.read - summary.added
        summary.unmapped = totals?.unmapped ?? 0
        summary.problems = totals?.problems ?? 0
        summary.addedCents = totals?.cents ?? 0
    }

    /// "kostenplaats=Kpl;bedrag=Bedrag EUR": which header is which column.
    static func columns(_ text: String) throws -> [ActualsColumn: String] {
        var columns: [ActualsColumn: String] = [:]
        for part in text.split(separator: ";").map(String.init) where !part.trimmingCharacters(in: .whitespaces).isEmpty
        {
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, let column = ActualsColumn(rawValue: pieces[0].lowercased()), !pieces[1].isEmpty
            else {
                throw InputError(Strings.actualsColumnsUnreadable(part), field: "kolommen")
            }
            columns[column] = pieces[1]
        }
        return columns
    }

    func savedColumns(_ programmeID: UUID) async throws -> [ActualsColumn: String] {
        let rows = try await ActualsColumnMapping.query(on: database).filter(\.$programme.$id == programmeID).all()
        return Dictionary(
            rows.compactMap { row in ActualsColumn(rawValue: row.column).map { ($0, row.header) } },
            uniquingKeysWith: { a, _ in a })
    }

    private func saveColumn(_ column: ActualsColumn, header: String, programmeID: UUID, on db: any Database)
        async throws
    {
        if let existing = try await ActualsColumnMapping.query(on: db).filter(\.$programme.$id == programmeID)
            .filter(\.$column == column.rawValue).first()
        {
            existing.header = header
            try await existing.save(on: db)
        } else {
            try await ActualsColumnMapping(programmeID: programmeID, column: column, header: header).save(on: db)
        }
    }
}
