"""CitésDesk: case management for the coordinators of the Cités de l'emploi."""

__version__ = "0.1.0"
