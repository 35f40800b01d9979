import Foundation
@testable import InterviewKit

/// A small deterministic generator, so a failing random sequence can be replayed by seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum Fixtures {
    static let smallBankText = """
    ---
    title: Small
    duration: 10m
    ---
    ## First question?
    time: 2m
    ### Expected answer
    One.
    ### Rubric
    - [ ] alpha
    - [ ] beta
    - [ ] gamma

    ## Second question?
    time: 3m
    ### Expected answer
    Two.
    ### Rubric
    - [ ] delta
    - [ ] epsilon

    ## Third question?
    ### Expected answer
    Three.
    """

    static func smallBank() throws -> Bank {
        try BankParser.parse(bytes: Array(smallBankText.utf8), file: "small.md")
    }

    static func engine(_ bank: Bank) -> SessionEngine {
        SessionEngine(bank: bank, id: "test-session", candidate: "Ada", interviewer: "Grace",
                      startedAt: Date(timeIntervalSince1970: 1_800_000_000))
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("interview-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
