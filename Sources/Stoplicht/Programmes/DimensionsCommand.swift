import Foundation
import StoplichtCore
import Vapor

/// `stoplicht dimensions PROGRAMMA [--set "Planning;Budget;Risico"]`: the dimensions a
/// programme gives separate lights for.
struct DimensionsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "programme", help: "Het programma (zoals in de adresbalk, bijv. dienstverlening).")
        var programme: String
        @Option(name: "set", help: "De dimensies, gescheiden door puntkomma's, bijv. \"Planning;Budget;Risico\".")
        var set: String?
    }

    var help: String { "Toont of vervangt de dimensies (standaard GOTIK) waarop een programma lichten geeft." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        if let set = signature.set {
            let labels = set.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            try await ProgrammeDimensionsUpdate.apply(labels: labels, toProgramme: signature.programme, on: db)
        }
        let dimensions = try await ProgrammeContext.load(slug: signature.programme, on: db).dimensions
        context.console.print(dimensions.map(\.label).joined(separator: "; "))
    }
}
