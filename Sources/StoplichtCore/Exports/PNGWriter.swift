import Foundation

/// A PNG of palette pixels (colour type 3, 8 bits), the image data in stored deflate
/// blocks: no compressor needed, and the document's ZIP container compresses it anyway.
public enum PNGWriter {
    /// `palette` as "RRGGBB"; `pixels` row by row, each an index into the palette.
    public static func indexed(width: Int, height: Int, palette: [String], pixels: [UInt8]) -> Data {
        precondition(pixels.count == width * height && palette.count <= 256)
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = Data()
        header.append(bigEndian: UInt32(width))
        header.append(bigEndian: UInt32(height))
        header.append(contentsOf: [8, 3, 0, 0, 0])
        png.append(chunk: "IHDR", header)
        var colours = Data()
        for hex in palette {
            let value = UInt32(hex, radix: 16) ?? 0
            colours.append(contentsOf: [UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
        }
        png.append(chunk: "PLTE", colours)
        // Each row starts with its filter type: 0, none.
        var raw = [UInt8]()
        raw.reserveCapacity((width + 1) * height)
        for row in 0..<height {
            raw.append(0)
            raw.append(contentsOf: pixels[row * width..<(row + 1) * width])
        }
        png.append(chunk: "IDAT", zlibStored(raw))
        png.append(chunk: "IEND", Data())
        return png
    }

    /// Filled rectangles (x, y, width, height, "RRGGBB") on a white picture, clipped to it:
    /// the charts' PNG fallbacks.
    public static func rectangles(width: Int, height: Int, _ rects: [(x: Int, y: Int, width: Int, height: Int, colour: String)]) -> Data {
        var palette = ["FFFFFF"]
        var pixels = [UInt8](repeating: 0, count: width * height)
        for rect in rects {
            if !palette.contains(rect.colour) && palette.count < 256 { palette.append(rect.colour) }
            let index = UInt8(palette.firstIndex(of: rect.colour) ?? 0)
            for row in max(0, rect.y)..<min(height, rect.y + rect.height) {
                for column in max(0, rect.x)..<min(width, rect.x + rect.width) { pixels[row * width + column] = index }
            }
        }
        return indexed(width: width, height: height, palette: palette, pixels: pixels)
    }

    /// A zlib stream of stored (uncompressed) deflate blocks with its Adler-32.
    static func zlibStored(_ bytes: [UInt8]) -> Data {
        var out = Data([0x78, 0x01])
        var offset = 0
        repeat {
            let length = min(65_535, bytes.count - offset)
            let final: UInt8 = offset + length == bytes.count ? 1 : 0
            out.append(final)
            out.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)])
            out.append(contentsOf: bytes[offset..<offset + length])
            offset += length
        } while offset < bytes.count
        out.append(bigEndian: adler32(bytes))
        return out
    }

    /// Adler-32, reduced once every 5,552 bytes (the most that cannot overflow 32 bits).
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let end = min(buffer.count, offset + 5_552)
                for index in offset..<end {
                    a &+= UInt32(buffer[index])
                    b &+= a
                }
                a %= 65_521
                b %= 65_521
                offset = end
            }
        }
        return b << 16 | a
    }

    static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func crc32(_ data: Data) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        // Through the bytes' buffer: Data's own iterator costs a call a byte.
        crcTable.withUnsafeBufferPointer { table in
            data.withUnsafeBytes { bytes in
                for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
            }
        }
        return c ^ 0xFFFF_FFFF
    }
}

extension Data {
    mutating func append(bigEndian value: UInt32) {
        append(contentsOf: [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
    }

    mutating func append(chunk type: String, _ body: Data) {
        append(bigEndian: UInt32(body.count))
        let typed = Data(type.utf8) + body
        append(typed)
        append(bigEndian: PNGWriter.crc32(typed))
    }
}
