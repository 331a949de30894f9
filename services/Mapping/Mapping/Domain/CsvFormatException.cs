namespace PushInventory.Mapping.Domain;

/// <summary>A CSV text that is not RFC 4180: a stray or unterminated quote.</summary>
internal sealed class CsvFormatException : Exception
{
    public CsvFormatException(string message)
        : base(message)
    {
    }

    public CsvFormatException()
    {
    }

    public CsvFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
