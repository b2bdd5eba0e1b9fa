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
                throw InputError("Het bestand ‘\(file)’ bestaat niet of kan niet worden gelezen.")
            }
            let scale: LightScale
            do { scale = try LightScaleFile.parse(String(decoding: data, as: UTF8.self)) } catch {
                throw InputError("\(file): \(error.message)")
            }
            try await ProgrammeScaleUpdate.apply(scale, toProgramme: signature.programme, on: db)
            context.console.print("De schaal van ‘\(signature.programme)’ heeft nu \(scale.lights.count) lichten.")
        }
        let current = try await ProgrammeContext.load(slug: signature.programme, on: db).scale
        context.console.print(LightScaleFile.render(current), newLine: false)
    }
}
