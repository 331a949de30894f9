namespace PushInventory.ServiceDefaults.Messaging;

/// <summary>
/// A message that can never be handled as sent (a malformed batch). It is not retried: it goes straight
/// to the queue's <c>_error</c> queue, where an operator can see it; nothing is lost silently.
/// </summary>
public sealed class InvalidMessageException : Exception
{
    /// <summary>Creates the exception with the reason the message is invalid.</summary>
    public InvalidMessageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public InvalidMessageException()
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public InvalidMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
