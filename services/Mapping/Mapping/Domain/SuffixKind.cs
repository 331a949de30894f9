namespace PushInventory.Mapping.Domain;

/// <summary>How an ignored suffix is found at the end of a seller SKU.</summary>
internal enum SuffixKind
{
    /// <summary>A fixed string (compared case-insensitively), removed when the code ends with it.</summary>
    Fixed,

    /// <summary>The last <c>count</c> characters.</summary>
    LastN,

    /// <summary>Everything from the <c>occurrence</c>-th <c>delimiter</c> counted from the end, the delimiter included.</summary>
    FromNthLastDelimiter,
}
