#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewPrivacy

extension SessionIndex {
    /// Takes out of the index the rows of the session files `paths` (deleted or rewritten
    /// by a privacy command), and, with `candidate`, of every session of that candidate
    /// (`NameMatch.isExact`, as `forget` and `anonymize` choose), wherever its file is: the
    /// next `stats` reads those files again. Question texts no row uses any more go too
    /// (an interviewer's own question may name the candidate). Deleted rows are overwritten
    /// with zeros and the WAL emptied into the database, so that neither file keeps them.
    public func erase(paths: [String], candidate: String? = nil) throws {
        let keys = Set(paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        try database.immediateTransaction {
            var doomed = keys
            if let candidate {
                try database.query("SELECT path, candidate FROM sessions") { row in
                    if NameMatch.isExact(candidate, row[1]) { doomed.insert(row[0]) }
                }
            }
            for path in doomed { try database.run("DELETE FROM sessions WHERE path = ?", path) }
            try database.execute("DELETE FROM question_texts WHERE id NOT IN (SELECT text_id FROM ratings)")
        }
        try database.checkpoint()
    }

    /// `erase` in the index at `url`, if there is one; a failure is said in one line for
    /// stderr (the files are erased either way; the index is a cache and can be removed).
    public static func erase(paths: [String], candidate: String? = nil, at url: URL = standardURL()) -> String? {
        do {
            try openExisting(url)?.erase(paths: paths, candidate: candidate)
            return nil
        } catch {
            return "the index \(url.path) could not be updated (\(error)): remove it (it is only a cache): rm \(url.path)*"
        }
    }
}
