import Foundation
import Testing
import ZIPFoundation

@testable import StoplichtCore

/// The charts' PNG fallbacks: the CRC against its published check value, the image data
/// read back from its stored deflate blocks with its Adler-32 recomputed byte by byte, and
/// a picture of rectangles inflated back to its pixels.
@Suite struct PNGWriterTests {
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
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
        let width = 301
        let height = 500
        var generator = SystemRandomNumberGenerator()
        let pixels = (0..<width * height).map { _ in UInt8.random(in: 0...3, using: &generator) }
        let stream = [UInt8](PNGWriter.zlibStored(rows: height, width: width, pixels))
        #expect(stream.prefix(2) == [0x78, 0x01])

        var data: [UInt8] = []
        var offset = 2
        var blocks = 0
        var final = false
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

    @Test func rectanglesAreDeflatedAndInflateToTheirPixels() throws {
        // 700 × 400 pixels: several of the compressor's 64 kB requests, rows split across
        // them; one rectangle half outside the picture and one wholly outside it.
        let width = 700
        let height = 400
        let rects = [
            (x: 10, y: 20, width: 100, height: 50, colour: "FF0000"),
            (x: 650, y: 380, width: 100, height: 100, colour: "00FF00"),
            (x: 900, y: 900, width: 10, height: 10, colour: "0000FF"),
            (x: 0, y: 199, width: 700, height: 1, colour: "FF0000"),
        ]
        let png = [UInt8](PNGWriter.rectangles(width: width, height: height, rects))
        func word(_ at: Int) -> Int { png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(png.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var position = 8
        var idat: [UInt8] = []
        var palette: [UInt8] = []
        while position < png.count {
            let length = word(position)
            let type = String(decoding: png[position + 4..<position + 8], as: UTF8.self)
            if type == "IDAT" { idat = Array(png[position + 8..<position + 8 + length]) }
            if type == "PLTE" { palette = Array(png[position + 8..<position + 8 + length]) }
            #expect(
                PNGWriter.crc32(Data(png[position + 4..<position + 8 + length])) == UInt32(word(position + 8 + length)))
            position += 12 + length
        }
        #expect(palette == [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0xFF, 0, 0, 0, 0xFF])
        // Compressed, where the stored blocks were the size of the pixels.
        #expect(idat.count < 10_000)
        #expect(idat.prefix(2) == [0x78, 0x9C])
        let deflate = Data(idat.dropFirst(2).dropLast(4))
        var inflated = Data()
        _ = try Data.decompress(
            size: Int64(deflate.count), bufferSize: 65_536, skipCRC32: true,
            provider: { offset, size in
                deflate.subdata(in: min(Int(offset), deflate.count)..<min(Int(offset) + size, deflate.count))
            }, consumer: { inflated.append($0) })

        var expected = [UInt8]()
        for y in 0..<height {
            expected.append(0)
            for x in 0..<width {
                let red = (10..<110).contains(x) && (20..<70).contains(y) || y == 199
                let green = x >= 650 && y >= 380
                expected.append(red ? 1 : green ? 2 : 0)
            }
        }
        #expect([UInt8](inflated) == expected)
        #expect(idat.suffix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) } == Self.adler32(expected))
    }
}
