import StoplichtCore
import Testing

@Suite struct LightNotationTests {
    @Test(arguments: [
        ("○ ● ○", LightNotation.Reading.tone(.warning)),
        ("○ ○ ●", .tone(.positive)),
        ("● ○ ○", .tone(.negative)),
        ("○ ○ ○", .allLampsOff),
        ("● ● ○", .ambiguous(.negative)),
        ("", .empty),
        ("Groen", .tone(.positive)),
        ("oranje.", .tone(.warning)),
        ("ROOD", .tone(.negative)),
        ("grijs", .finished),
        ("paars", .unknown("paars")),
    ])
    func reads(_ cell: String, _ expected: LightNotation.Reading) {
        #expect(LightNotation.read(cell) == expected)
    }

    @Test func mapsOntoTheProgrammeScale() {
        let scale = LightScale.standard
        #expect(scale.light(for: .tone(.warning))?.code == "oranje")
        #expect(scale.light(for: .finished)?.code == "grijs")
        #expect(scale.light(for: .allLampsOff) == nil)
        #expect(scale.light(for: .unknown("x")) == nil)
    }

    @Test func aScaleOfItsOwn() {
        // "afgerond / ligt op schema / vraagt aandacht": finished is not grey here.
        let scale = LightScale([
            LightDefinition(code: "op-schema", label: "Ligt op schema", meaning: "", tone: .positive, rank: 1),
            LightDefinition(code: "aandacht", label: "Vraagt aandacht", meaning: "", tone: .warning, rank: 2),
            LightDefinition(code: "afgerond", label: "Afgerond", meaning: "", tone: .info, rank: 3, isFinished: true),
        ])
        #expect(scale.light(for: .finished)?.label == "Afgerond")
        #expect(scale.light(for: .tone(.negative)) == nil)
    }
}
