namespace PushInventory.Mapping.Domain;

/// <summary>How an ignored prefix is found at the start of a seller SKU.</summary>
internal enum PrefixKind
{
    /// <summary>A fixed string (compared case-insensitively), removed when the code starts with it.</summary>
    Fixed,

    /// <summary>The first <c>count</c> characters.</summary>
    FirstN,

    /// <summary>Everything up to and including the <c>occurrence</c>-th <c>delimiter</c> from the start.</summary>
    UpToNthDelimiter,
}
