"""Email: iMIP (RFC 6047) invitations in and out, SMTP sending, IMAP polling."""
