import Foundation

// The libFuzzer entry points. scripts/fuzz compiles this file with
// Tests/InterviewKitTests/FuzzInvariants.swift and `-sanitize=fuzzer`, against an
// Interview* modules built with the same instrumentation; libFuzzer supplies `main`.
// The environment variable INTERVIEW_FUZZ_TARGET names the target (`scripts/fuzz list`).

nonisolated(unsafe) private var target = FuzzTarget.bank

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<Int32>,
                             _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>) -> Int32 {
    let name = ProcessInfo.processInfo.environment["INTERVIEW_FUZZ_TARGET"] ?? ""
    guard let chosen = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("INTERVIEW_FUZZ_TARGET='\(name)': expected one of \(names)\n".utf8))
        exit(2)
    }
    target = chosen
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    if let violation = target.violation(bytes) {
        // A trap is what libFuzzer records as a crash, with this input saved beside it.
        fatalError("\(target.rawValue): \(violation)")
    }
    return 0
}

// libFuzzer's own byte-level mutator, which the custom one falls back on.
@_silgen_name("LLVMFuzzerMutate")
func libFuzzerMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int) -> Int

/// The session target's inputs are edited as JSON half of the time (`SessionMutator`:
/// valid JSON from a valid session, with one value or count changed), as bytes the other
/// half; every other target's, as bytes.
@_cdecl("LLVMFuzzerCustomMutator")
public func fuzzerCustomMutator(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    guard target == .session, seed % 2 == 0 else { return libFuzzerMutate(data, size, maxSize) }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let mutated = SessionMutator.mutate(bytes, seed: UInt64(seed)), mutated.count <= maxSize else {
        return libFuzzerMutate(data, size, maxSize)
    }
    mutated.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: mutated.count) }
    return mutated.count
}
