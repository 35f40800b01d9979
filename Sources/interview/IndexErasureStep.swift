#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewIndex
import InterviewPrivacy

extension Erasure.Failures {
    /// Takes the rows of `paths` (and, with `candidate`, of every session of that
    /// candidate) out of the index, right after their files were deleted or rewritten:
    /// the privacy commands leave the candidate in no copy the program keeps. A failure
    /// counts as a record not updated, and is said with the others.
    mutating func eraseFromIndex(_ paths: [String], candidate: String? = nil) {
        guard let message = SessionIndex.erase(paths: paths, candidate: candidate) else { return }
        unsaid.append(message)
        records += 1
    }
}
