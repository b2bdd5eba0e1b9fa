import Foundation

/// The columns of a financial system's export of actuals (realisatie), by meaning.
public enum ActualsColumn: String, CaseIterable, Sendable, Codable {
    case date = "datum"
    case costCentre = "kostenplaats"
    case ledger = "grootboek"
    case description = "omschrijving"
    case amount = "bedrag"

    /// Header words by meaning; the first that matches a header wins.
    static let words: [(ActualsColumn, [String])] = [
        (.costCentre, ["kostenplaats", "kpl", "cost centre", "cost center", "kostendrager", "kostensoort"]),
        (.ledger, ["grootboek", "grootboekrekening", "gb", "rekening", "ledger", "account"]),
        (.date, ["boekdatum", "datum", "date", "factuurdatum", "periode"]),
        (.description, ["omschrijving", "description", "tekst", "toelichting", "crediteur", "relatie"]),
        (.amount, ["bedrag", "amount", "saldo", "waarde", "bedrag eur", "bedrag (eur)"]),
    ]
}

/// Which field of the export holds which column: read from its header row, with the
/// programme's saved mapping (column → header) taking precedence.
public struct ActualsLayout: Sendable, Equatable {
    public var index: [ActualsColumn: Int]

    public enum Failure: Error, Equatable {
        /// The columns that could not be found, and the headers that were there.
        case missing([ActualsColumn], headers: [String])
    }

    public init(headers: [String], saved: [ActualsColumn: String] = [:]) throws {
        var index: [ActualsColumn: Int] = [:]
        let normalised = headers.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        for (column, header) in saved {
            if let i = normalised.firstIndex(of: header.lowercased().trimmingCharacters(in: .whitespaces)) {
                index[column] = i
            }
        }
        for (column, words) in ActualsColumn.words where index[column] == nil {
            if let i = normalised.indices.first(where: { i in !index.values.contains(i) && words.contains(normalised[i])
            })
                ?? normalised.indices.first(where: { i in
                    !index.values.contains(i) && words.contains { normalised[i].contains($0) }
                })
            {
                index[column] = i
            }
        }
        let required: [ActualsColumn] = [.costCentre, .amount]
        let missing = required.filter { index[$0] == nil }
        guard missing.isEmpty else { throw Failure.missing(missing, headers: headers) }
        self.index = index
    }

    public func field(_ column: ActualsColumn, _ record: [String]) -> String {
        guard let i = index[column], i < record.count else { return "" }
        return record[i]
    }
}

/// One line of actuals, read exactly: the amount in cents from Dutch notation ("1.234,56",
/// "€ 21.750,-", "-12,50", "(12,50)"); a line that cannot be read keeps its text and says why.
public struct ActualsLine: Sendable, Equatable {
    public var line: Int
    public var bookedOn: String
    public var costCentre: String
    public var ledger: String
    public var description: String
    public var amountCents: Int64?
    /// Why the line cannot be counted; nil for a good line.
    public var problem: String?
    /// A digest of the line's fields (`keyInput`, hashed by the caller): the same line in
    /// a file imported again is the same line.
    public var key: String

    public init(record: [String], layout: ActualsLayout, line: Int, digest: (Data) -> String) {
        self.line = line
        bookedOn = layout.field(.date, record)
        costCentre = layout.field(.costCentre, record)
        ledger = layout.field(.ledger, record)
        description = String(layout.field(.description, record).prefix(500))
        let rawAmount = layout.field(.amount, record)
        switch ReportedAmount(parsing: rawAmount) {
        case .money(let cents)?: amountCents = cents
        default: amountCents = nil
        }
        if amountCents == nil {
            problem = rawAmount.isEmpty ? "geen bedrag" : "bedrag ‘\(rawAmount.prefix(40))’ is geen bedrag"
        } else if costCentre.isEmpty {
            problem = "geen kostenplaats"
        }
        key = digest(Self.keyInput(record))
    }

    /// The fields, length-prefixed: two lines are the same line when every field is.
    public static func keyInput(_ record: [String]) -> Data {
        var input = Data()
        for field in record {
            let bytes = Data(field.utf8)
            input.append(contentsOf: Array(String(bytes.count).utf8) + [0x3A])
            input.append(bytes)
        }
        return input
    }
}
