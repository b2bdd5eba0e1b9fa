import Foundation
import StoplichtCore
import Vapor

/// `stoplicht scale PROGRAMMA [--file schaal.csv]`: shows or replaces a programme's lights.
struct ScaleCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "programme", help: "Het programma (zoals in de adresbalk, bijv. dienstverlening).")
        var programme: String
        @Option(name: "file", help: "Een bestand code;label;kleur;afgerond;betekenis dat de schaal vervangt.")
        var file: String?
    }

    var help: String { "Toont of vervangt de stoplichtschaal van een programma." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        if let file = signature.file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ImportError("Het bestand ‘\(file)’ bestaat niet of kan niet worden gelezen.")
            }
            let scale: LightScale
            do { scale = try LightScaleFile.parse(String(decoding: data, as: UTF8.self)) } catch {
                throw ImportError("\(file): \(error.message)")
            }
            try await ProgrammeScaleUpdate.apply(scale, toProgramme: signature.programme, on: db)
            context.console.print("De schaal van ‘\(signature.programme)’ heeft nu \(scale.lights.count) lichten.")
        }
        let current = try await ProgrammeContext.load(slug: signature.programme, on: db).scale
        context.console.print(LightScaleFile.render(current), newLine: false)
    }
}

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
            let labels = set.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            try await ProgrammeDimensionsUpdate.apply(labels: labels, toProgramme: signature.programme, on: db)
        }
        let dimensions = try await ProgrammeContext.load(slug: signature.programme, on: db).dimensions
        context.console.print(dimensions.map(\.label).joined(separator: "; "))
    }
}
