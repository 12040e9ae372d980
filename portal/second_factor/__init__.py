"""The second factor of staff sign-in (django-otp): after the password, a code from an authenticator app (TOTP) or
a one-time recovery code, in every new session, before any admin page opens.

apps.py makes the portal's admin site the default one; site.py is that site (it lets in only verified sessions and
adds the second step's pages); services.py holds the rules; views.py and forms.py the pages.
"""
