import Foundation
import StoplichtCore
import Testing

@Suite struct LightScaleFileTests {
    /// A municipality's own five-light scale (`Tests/Fixtures/Scales/eigen-schaal.csv`).
    static let ownScale = fixture("eigen-schaal.csv")

    static func fixture(_ name: String) -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/Scales/\(name)")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    @Test func readsAScaleOfItsOwn() throws {
        let scale = try LightScaleFile.parse(Self.ownScale)
        #expect(
            scale.lights.map(\.code) == [
                "volgens-verwachting", "aandachtspunt", "bijsturen", "niet-gestart", "afgerond",
            ])
        #expect(scale.finished?.label == "Afgerond")
        #expect(scale.finished?.tone == .info)
        // Grey means "not started" here, so a finished project is not grey.
        #expect(scale.light(for: .finished)?.code == "afgerond")
        #expect(scale.light(for: .tone(.neutral))?.code == "niet-gestart")
        #expect(try LightScaleFile.parse(LightScaleFile.render(scale)) == scale)
    }

    @Test(arguments: [
        ("groen;Groen;paars;nee;x", "Regel 1: de kleur ‘paars’ is onbekend; kies groen, oranje, rood, grijs of blauw."),
        ("groen;Groen;groen;nee", "Regel 1: verwacht 5 velden (code;label;kleur;afgerond;betekenis), gevonden 4."),
        (
            "Groen Licht;Groen;groen;nee;x",
            "Regel 1: de code ‘Groen Licht’ mag alleen kleine letters, cijfers en streepjes bevatten."
        ),
        ("a;A;groen;misschien;x", "Regel 1: ‘afgerond’ is ja of nee, niet ‘misschien’."),
        ("a;A;groen;ja;x\nb;B;grijs;ja;y", "Meer dan één licht betekent ‘afgerond’; kies er één."),
        ("a;A;groen;nee;x\na;B;grijs;nee;y", "Regel 2: de code ‘a’ staat er al."),
        ("# alleen commentaar", "Het bestand bevat geen lichten."),
    ])
    func refusesWithADutchMessage(_ text: String, _ message: String) {
        #expect(throws: ReportFileError(message)) { try LightScaleFile.parse(text) }
    }
}
