@testable import InterviewIndex
import Testing

/// The index's content hash tells a changed file from an unchanged one: any one bit
/// flipped, in the words or in the last bytes, and any length, give another hash.
@Suite struct ContentHashTests {
    static func hash(_ bytes: [UInt8]) -> String { bytes.withUnsafeBytes { ContentHash.of($0) } }

    @Test func theSameBytesHashTheSame() {
        let bytes = Array("{\"candidate\" : \"Ada\"}\n".utf8)
        #expect(Self.hash(bytes) == Self.hash(Array(bytes)))
        #expect(Self.hash(bytes).hasPrefix("fnv1a64w:") && Self.hash(bytes).count == 25)
    }

    @Test func everyBitFlippedChangesTheHash() {
        let bytes = (0..<37).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }  // four words and five bytes
        let original = Self.hash(bytes)
        for index in bytes.indices {
            for bit in 0..<8 {
                var flipped = bytes
                flipped[index] ^= 1 << bit
                #expect(Self.hash(flipped) != original, "byte \(index) bit \(bit)")
            }
        }
    }

    @Test func zerosAddedChangeTheHash() {
        let bytes = Array("abcdefgh".utf8)
        let hashes = [bytes, bytes + [0], bytes + [0, 0, 0, 0, 0, 0, 0, 0], [], [0]].map(Self.hash)
        #expect(Set(hashes).count == hashes.count, "\(hashes)")
    }
}
