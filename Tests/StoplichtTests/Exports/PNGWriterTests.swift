import Foundation
@testable import StoplichtCore
import Testing

/// The checksums of the charts' PNG fallbacks, against their published check values and a
/// byte-at-a-time reference over more than one reduction block.
@Suite struct PNGWriterTests {
    @Test func checksumsMatchTheirDefinitions() {
        #expect(PNGWriter.crc32(Data("123456789".utf8)) == 0xCBF4_3926)
        #expect(PNGWriter.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)

        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &generator) } + [UInt8](repeating: 255, count: 20_000)
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        #expect(PNGWriter.adler32(bytes) == b << 16 | a)
    }
}
