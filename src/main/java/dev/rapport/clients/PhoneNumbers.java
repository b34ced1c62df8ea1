package dev.rapport.clients;

/** How phones are compared: by their digits only, so "+31 (20) 123-4567" and "3120 1234567" are one number. */
public final class PhoneNumbers {
    /** Fewer digits than this are too short to say two people share a number (extensions, "112"). */
    public static final int MIN_MATCH_DIGITS = 7;

    private PhoneNumbers() {
    }

    public static String digits(String phone) {
        StringBuilder sb = new StringBuilder(phone.length());
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
