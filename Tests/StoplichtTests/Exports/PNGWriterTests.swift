import Foundation
@testable import StoplichtCore
import Testing

/// The charts' PNG fallbacks: the CRC against its published check value, and the image data
/// read back from its stored deflate blocks with its Adler-32 recomputed byte by byte.
@Suite struct PNGWriterTests {
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }

    @Test func theChecksumsMatchTheirDefinitions() {
        #expect(PNGWriter.crc32(Data("123456789".utf8)) == 0xCBF4_3926)
        #expect(PNGWriter.crc32(continuing: PNGWriter.crc32(Data("1234".utf8)), Data("56789".utf8)) == 0xCBF4_3926)
        #expect(Self.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
    }

    @Test func theImageDataReadsBackRowByRow() throws {
        // 301 × 500 pixels: 151,000 bytes with the rows' filter bytes, three stored blocks,
        // rows split across blocks.
        let width = 301, height = 500
        var generator = SystemRandomNumberGenerator()
        let pixels = (0..<width * height).map { _ in UInt8.random(in: 0...3, using: &generator) }
        let stream = [UInt8](PNGWriter.zlibStored(rows: height, width: width, pixels))
        #expect(stream.prefix(2) == [0x78, 0x01])

        var data: [UInt8] = [], offset = 2, blocks = 0, final = false
        while !final {
            final = stream[offset] & 1 == 1
            let length = Int(stream[offset + 1]) | Int(stream[offset + 2]) << 8
            let complement = Int(stream[offset + 3]) | Int(stream[offset + 4]) << 8
            #expect(length ^ complement == 0xFFFF)
            data += stream[(offset + 5)..<(offset + 5 + length)]
            offset += 5 + length
            blocks += 1
        }
        var rows: [UInt8] = []
        for row in 0..<height { rows += [0] + pixels[row * width..<(row + 1) * width] }
        #expect(blocks == 3)
        #expect(data == rows)
        let adler = stream[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        #expect(adler == Self.adler32(rows))
        #expect(offset + 4 == stream.count)
    }
}
