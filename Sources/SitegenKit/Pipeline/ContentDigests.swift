import SitegenCore

/// The digest of each file under `content/`, by its path in the source (`content/kk/42500/apply.md`):
/// the paths are bytes in one table and the digests one list, where a dictionary of strings held a
/// string, an entry and room to grow for every page of a big site until its build ended.
typealias ContentDigests = ByteStringMap<SourceDigest>
