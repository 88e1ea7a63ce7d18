namespace EsxSdk.Transport
{
    /// <summary>Checks on response content used by generated service methods.</summary>
    public static class VimResponse
    {
        /// <summary>Returns a required <c>returnval</c>, or fails clearly when the server left it out.</summary>
        public static T Required<T>(T? value, string operation)
            where T : class
            => value ?? throw new VimProtocolException("The response to " + operation + " has no returnval, which the WSDL requires.", operation);
    }
}
