"""Encryption, automatic backups, auto-lock and restore in the window (i18n area
"security"). :class:`~citesdesk.gui.security.session.Session` lives as long as the
application; :func:`~citesdesk.gui.security.menu.install_menu` adds the File menu items."""
